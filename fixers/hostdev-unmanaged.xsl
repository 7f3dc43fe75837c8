<?xml version="1.0"?>
<!-- hostdev-unmanaged: managed='yes' on PCI hostdevs.
     Parameters: targets, the vl:id of each <hostdev> to fix. -->
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

  <xsl:template match="/domain/devices/hostdev">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:attribute name="managed">yes</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
