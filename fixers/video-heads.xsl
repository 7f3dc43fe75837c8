<?xml version="1.0"?>
<!-- video-heads: set heads='1' on a video model that has only one output.
     Parameters: targets, the vl:id of each <model>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video/model/@heads">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', ../@vl:id, ' '))">
        <xsl:attribute name="heads">1</xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
