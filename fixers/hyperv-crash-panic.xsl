<?xml version="1.0"?>
<!-- hyperv-crash-panic: remove <panic model='hyperv'/> so that a crashing
     Windows guest writes its own dump instead of being stopped by the host.
     Parameters: targets, the vl:id of each <panic> to remove. -->
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

  <xsl:template match="/domain/devices/panic[@model = 'hyperv']">
    <xsl:if test="not(contains($targets, concat(' ', @vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
