<?xml version="1.0"?>
<!-- disk-io-native-cache: give a disk with io='native' a cache mode that
     bypasses the host page cache.  cache='writethrough' becomes
     'directsync' (O_DIRECT, still synchronous); any other mode, or none,
     becomes 'none'.
     Parameters: targets, the vl:id of each disk's <driver>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/driver">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:attribute name="cache">
          <xsl:choose>
            <xsl:when test="@cache = 'writethrough'">directsync</xsl:when>
            <xsl:otherwise>none</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
