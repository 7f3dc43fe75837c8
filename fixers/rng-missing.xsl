<?xml version="1.0"?>
<!-- rng-missing: add
       <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
     where libvirt writes it: after the last device that libvirt writes before
     rngs (everything up to <memballoon>), so before <panic>, <shmem>,
     <memory>, <iommu>, <vsock> and <crypto>; first in <devices> otherwise.
     Parameters: targets, the vl:id of <devices>. -->
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

  <xsl:template name="new">
    <rng model="virtio">
      <backend model="random">/dev/urandom</backend>
    </rng>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:variable name="anchor"
                  select="*[not(self::rng or self::panic or self::shmem or self::memory or self::iommu or
                                self::vsock or self::crypto or self::nvram) and namespace-uri() = ''][last()]"/>
    <xsl:variable name="add" select="contains($targets, concat(' ', @vl:id, ' ')) and not(rng)"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$add and not($anchor)">
        <xsl:call-template name="new"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$add and $anchor and count(. | $anchor) = 1">
          <xsl:call-template name="new"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
