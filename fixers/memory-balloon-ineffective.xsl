<?xml version="1.0"?>
<!-- memory-balloon-ineffective: disable the memory balloon.  An existing
     <memballoon> becomes <memballoon model='none'/> (its other attributes
     and children, which only configure a balloon, go); without one, a
     <memballoon model='none'/> is added where libvirt writes it: before
     the first <rng>, <panic>, <shmem>, <memory>, <iommu>, <vsock>,
     <crypto> or <pstore>, or at the end of <devices>.
     Parameters: targets (the balloon or <devices>; unused). -->
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

  <xsl:template match="/domain/devices">
    <xsl:variable name="after" select="(rng|panic|shmem|memory|iommu|vsock|crypto|pstore)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="not(../memballoon) and $after and count(. | $after) = 1">
          <memballoon model="none"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(memballoon) and not($after)">
        <memballoon model="none"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/memballoon">
    <xsl:copy>
      <xsl:apply-templates select="@*[namespace-uri() = 'urn:x-virtlint:fix']"/>
      <xsl:attribute name="model">none</xsl:attribute>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
