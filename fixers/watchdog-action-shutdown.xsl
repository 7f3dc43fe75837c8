<?xml version="1.0"?>
<!-- watchdog-action-shutdown: make the watchdog reset the hung guest.
     Parameters: targets, the vl:id of each <watchdog> to fix. -->
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

  <xsl:template match="/domain/devices/watchdog/@action[. = 'shutdown']">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', ../@vl:id, ' '))">
        <xsl:attribute name="action">reset</xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
