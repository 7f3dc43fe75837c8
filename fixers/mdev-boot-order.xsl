<?xml version="1.0"?>
<!-- mdev-boot-order: remove <boot> from vfio-pci/vfio-ap mediated devices.
     Parameters: targets, the vl:id of each <boot> to remove. -->
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

  <xsl:template match="/domain/devices/hostdev/boot">
    <xsl:if test="not(contains($targets, concat(' ', @vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
