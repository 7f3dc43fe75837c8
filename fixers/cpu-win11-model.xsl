<?xml version="1.0"?>
<!-- cpu-win11-model: give a Windows 11 guest the host's CPU.  A custom
     <cpu> becomes <cpu mode='host-passthrough' check='none'
     migratable='on'>: its <model> and <vendor> go, match goes, and
     topology, NUMA, cache and feature settings stay.  Without <cpu>,
     <cpu mode='host-passthrough' check='none' migratable='on'/> is added
     after the last of <os> and <features>.
     Parameters: targets (the <cpu>, <vcpu> or <domain>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="after" select="(os|features)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../cpu) and count(. | $after) = 1">
          <cpu mode="host-passthrough" check="none" migratable="on"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/cpu[not(@mode) or @mode = 'custom']">
    <xsl:copy>
      <xsl:apply-templates select="@*[local-name() != 'mode' and local-name() != 'match'
                                       and local-name() != 'check' and local-name() != 'migratable']"/>
      <xsl:attribute name="mode">host-passthrough</xsl:attribute>
      <xsl:attribute name="check">none</xsl:attribute>
      <xsl:attribute name="migratable">on</xsl:attribute>
      <xsl:apply-templates select="node()[not(self::model or self::vendor)]"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
