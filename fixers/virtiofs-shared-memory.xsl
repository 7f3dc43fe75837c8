<?xml version="1.0"?>
<!-- virtiofs-shared-memory: share guest memory with vhost-user back-ends.
     Without <memoryBacking>, one is added after the last of <maxMemory>,
     <memory>, <currentMemory>, <blkiotune> and <memtune>:
       <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>
     An existing <memoryBacking> gets <access mode='shared'/> (an existing
     access mode becomes shared) and, when it has neither <source> nor
     <hugepages> and its memory was not shared before, <source type='memfd'/>
     (memory that is shared already keeps the backing it has: when only a
     NUMA cell is private, flipping the cell is all it takes); new children go where libvirt writes
     them (hugepages, nosharepages, locked, source, access, allocation,
     discard).  NUMA cells with memAccess='private' become memAccess='shared'.
     The fix is document-wide.
     Parameters: targets (the filesystems, disks and interfaces; unused). -->
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

  <xsl:template name="new-backing">
    <memoryBacking>
      <source type="memfd"/>
      <access mode="shared"/>
    </memoryBacking>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="memory" select="(maxMemory|memory|currentMemory|blkiotune|memtune)[last()]"/>
    <xsl:variable name="head" select="(name|uuid|genid|title|description|metadata)[last()]"/>
    <xsl:variable name="anchor" select="$memory | $head[not($memory)]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="not(memoryBacking) and not($anchor)">
        <xsl:call-template name="new-backing"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../memoryBacking) and $anchor and count(. | $anchor) = 1">
          <xsl:call-template name="new-backing"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/memoryBacking">
    <xsl:variable name="add-source" select="not(source) and not(hugepages) and not(access[@mode = 'shared'])"/>
    <xsl:variable name="add-access" select="not(access)"/>
    <xsl:variable name="before-source" select="(access|allocation|discard)[1]"/>
    <xsl:variable name="before-access" select="(allocation|discard)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="$add-source and $before-source and count(. | $before-source) = 1">
          <source type="memfd"/>
        </xsl:if>
        <xsl:if test="$add-access and $before-access and count(. | $before-access) = 1">
          <access mode="shared"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="$add-source and not($before-source)">
        <source type="memfd"/>
      </xsl:if>
      <xsl:if test="$add-access and not($before-access)">
        <access mode="shared"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/memoryBacking/access[@mode != 'shared' or not(@mode)]">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="mode">shared</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/cpu/numa/cell/@memAccess[. = 'private']">
    <xsl:attribute name="memAccess">shared</xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
