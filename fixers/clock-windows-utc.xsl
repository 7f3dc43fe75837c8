<?xml version="1.0"?>
<!-- clock-windows-utc: start a Windows guest's RTC in local time.
     <clock offset='utc'> (or a <clock> without offset) gets
     offset='localtime'; without <clock>, <clock offset='localtime'/> is added
     where libvirt writes it, after the last of <os>, <features> and <cpu>.
     Parameters: targets (the <clock>, or <domain>; there is one clock). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="after" select="(os|features|cpu)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../clock) and count(. | $after) = 1">
          <clock offset="localtime"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="not(clock) and not($after)">
        <clock offset="localtime"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock[not(@offset) or @offset = 'utc']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="offset">localtime</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
