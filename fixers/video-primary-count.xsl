<?xml version="1.0"?>
<!-- video-primary-count: drop primary='yes' from the video models after the
     first primary one.
     Parameters: targets, the vl:id of each extra primary <model>,
     space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video/model/@primary">
    <xsl:if test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
      <xsl:copy/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
