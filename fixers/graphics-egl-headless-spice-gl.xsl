<?xml version="1.0"?>
<!-- graphics-egl-headless-spice-gl: remove the target, which is either the
     <graphics type='egl-headless'> element (next to a local Spice GL
     display) or the <gl> of a Spice display on TCP.
     Parameters: targets, the vl:id of each element to remove. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="devices/graphics[@type = 'egl-headless'] | devices/graphics/gl">
    <xsl:if test="not(contains($targets, concat(' ', @vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
