<?xml version="1.0"?>
<!-- video-qxl-vgamem: on a QXL model, round vgamem up to the next power of
     two of at least 1024 KiB (at most 2^31, the largest libvirt's unsigned
     int holds; format-number writes it in digits, as XPath would not from
     1e9 on); on any other model, remove it.
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

  <xsl:template name="pow2">
    <xsl:param name="n"/>
    <xsl:param name="p" select="1024"/>
    <xsl:choose>
      <xsl:when test="$p &gt;= $n or $p &gt;= 2147483648"><xsl:value-of select="format-number($p, '0')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pow2">
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="p" select="$p * 2"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="video/model/@vgamem">
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
        <xsl:copy/>
      </xsl:when>
      <xsl:when test="../@type = 'qxl'">
        <xsl:attribute name="vgamem">
          <xsl:call-template name="pow2">
            <xsl:with-param name="n" select="number(.)"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
