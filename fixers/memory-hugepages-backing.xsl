<?xml version="1.0"?>
<!-- memory-hugepages-backing: drop what hugepages cannot be combined with.
     A targeted <allocation> loses mode='ondemand' (and is removed when
     nothing else is left on it); a targeted <source type='anonymous'/> is
     removed, so that libvirt backs the memory with hugetlbfs files.
     Parameters: targets, the vl:id of each <allocation> or <source>. -->
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

  <xsl:template match="/domain/memoryBacking/allocation | /domain/memoryBacking/source">
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="self::allocation and @*[local-name() != 'mode' and local-name() != 'id']">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'mode']|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise/>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
