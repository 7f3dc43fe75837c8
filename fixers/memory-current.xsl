<?xml version="1.0"?>
<!-- memory-current (memory-windows-balloon, memory-current-without-balloon):
     <currentMemory> takes the value and unit of <memory>.
     Parameters: targets (the <currentMemory>; unused). -->
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

  <xsl:template match="/domain/currentMemory">
    <xsl:variable name="memory" select="../memory"/>
    <xsl:copy>
      <xsl:apply-templates select="@*[local-name() != 'unit']"/>
      <xsl:if test="$memory/@unit or @unit">
        <xsl:attribute name="unit">
          <xsl:choose>
            <xsl:when test="$memory/@unit"><xsl:value-of select="$memory/@unit"/></xsl:when>
            <xsl:otherwise>KiB</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:value-of select="normalize-space($memory)"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
