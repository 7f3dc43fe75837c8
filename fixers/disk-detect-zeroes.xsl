<?xml version="1.0"?>
<!-- disk-detect-zeroes: remove detect_zeroes from a disk's <driver>.
     Parameters: targets, the vl:id of each <driver>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/driver/@detect_zeroes">
    <xsl:if test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
      <xsl:copy/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
