<?xml version="1.0"?>
<!-- memory-min-guarantee: remove <memtune><min_guarantee>, and <memtune>
     itself when nothing else is left in it.
     Parameters: targets, the vl:id of each <min_guarantee>. -->
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

  <xsl:template match="/domain/memtune">
    <xsl:if test="*[not(self::min_guarantee and contains($targets, concat(' ', @vl:id, ' ')))]">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/memtune/min_guarantee">
    <xsl:if test="not(contains($targets, concat(' ', @vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
