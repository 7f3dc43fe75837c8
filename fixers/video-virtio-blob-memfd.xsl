<?xml version="1.0"?>
<!-- video-virtio-blob-memfd: back guest memory with memfd.  An existing
     <memoryBacking><source> becomes type='memfd'; a <memoryBacking> without
     <source> gets <source type='memfd'/> where libvirt writes it (after
     hugepages, nosharepages and locked); without <memoryBacking>, one is
     added after the last of <maxMemory>, <memory>, <currentMemory>,
     <blkiotune> and <memtune>.
     Parameters: targets, the video <model>s (unused: the fix is to the
     domain's memory backing). -->
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

  <xsl:template match="/domain">
    <xsl:variable name="memory" select="(maxMemory|memory|currentMemory|blkiotune|memtune)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../memoryBacking) and $memory and count(. | $memory) = 1">
          <memoryBacking>
            <source type="memfd"/>
          </memoryBacking>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/memoryBacking">
    <xsl:variable name="before" select="(access|allocation|discard)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="not(../source) and $before and count(. | $before) = 1">
          <source type="memfd"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(source) and not($before)">
        <source type="memfd"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/memoryBacking/source/@type">
    <xsl:attribute name="type">memfd</xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
