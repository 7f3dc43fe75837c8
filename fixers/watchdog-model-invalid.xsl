<?xml version="1.0"?>
<!-- watchdog-model-invalid: remove the <address> of a watchdog that cannot
     have one there (iTCO, ib700, or an i6300esb off the PCI bus).  Other
     findings of the rule have no fix and are never targeted.
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

  <xsl:template match="/domain/devices/watchdog/address">
    <xsl:if test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
