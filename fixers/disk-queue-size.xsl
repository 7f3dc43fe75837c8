<?xml version="1.0"?>
<!-- disk-queue-size: give a virtio disk a queue_size QEMU accepts, remove it
     from other disks.
     Parameters:
       targets  the vl:id of each <driver>, space-separated;
       size     DEV:SIZE for each virtio disk (DEV its target dev),
                space-separated; a targeted disk without an entry loses
                queue_size. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="size"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/driver/@queue_size">
    <xsl:variable name="new"
                  select="substring-before(substring-after(concat(' ', $size, ' '),
                                                           concat(' ', ../../target/@dev, ':')), ' ')"/>
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
        <xsl:copy/>
      </xsl:when>
      <xsl:when test="$new != ''">
        <xsl:attribute name="queue_size"><xsl:value-of select="$new"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
