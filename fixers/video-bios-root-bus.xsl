<?xml version="1.0"?>
<!-- video-bios-root-bus: move the primary video adapter to the root
     complex: its <address type='pci'> gets bus='0x00', the free slot the
     rule found, and function='0x0' (multifunction goes).
     Parameters:
       targets  the vl:id of the <address>;
       slot     the slot, as 0xNN. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="slot"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video/address">
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:apply-templates select="@*[not(namespace-uri() = '' and name() = 'multifunction')]"/>
          <xsl:attribute name="bus">0x00</xsl:attribute>
          <xsl:attribute name="slot"><xsl:value-of select="$slot"/></xsl:attribute>
          <xsl:attribute name="function">0x0</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@*"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
