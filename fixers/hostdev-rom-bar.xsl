<?xml version="1.0"?>
<!-- hostdev-rom-bar: let the firmware see a passed-through device's option ROM.
     <rom bar='off'/> loses bar='off' (QEMU's default is on); a <rom> left with
     nothing else to say, or one with enabled='no', is removed.
     Parameters: targets, the vl:id of each <rom> to fix, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="rom">
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="@enabled = 'no' or not(@*[local-name() != 'bar' and local-name() != 'id'])"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*[not(local-name() = 'bar' and . = 'off')]|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
