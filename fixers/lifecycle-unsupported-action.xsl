<?xml version="1.0"?>
<!-- lifecycle-unsupported-action: rename-restart becomes restart; preserve
     in on_poweroff becomes destroy and in on_reboot restart (the defaults).
     Parameters: targets, the vl:id of each lifecycle element to fix. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/on_poweroff|/domain/on_reboot|/domain/on_crash">
    <xsl:variable name="action" select="normalize-space(.)"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:when test="$action = 'rename-restart'">restart</xsl:when>
        <xsl:when test="$action = 'preserve' and self::on_poweroff">destroy</xsl:when>
        <xsl:when test="$action = 'preserve' and self::on_reboot">restart</xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
