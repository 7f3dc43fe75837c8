<?xml version="1.0"?>
<!-- memory-windows-minimum: raise the guest's RAM to what Windows setup needs.
     <memory> gets the value of $memory (in its own unit; when $memory-unit
     is not empty the unit attribute becomes it too); <currentMemory> the
     same with $current and $current-unit when $current is not empty.
     Parameters: targets (the <memory>; unused), memory, memory-unit,
     current, current-unit. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="memory"/>
  <xsl:param name="memory-unit"/>
  <xsl:param name="current"/>
  <xsl:param name="current-unit"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="amount">
    <xsl:param name="value"/>
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$value = ''">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*"/>
          <xsl:if test="$unit != ''">
            <xsl:attribute name="unit"><xsl:value-of select="$unit"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$value"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/memory">
    <xsl:call-template name="amount">
      <xsl:with-param name="value" select="$memory"/>
      <xsl:with-param name="unit" select="$memory-unit"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/domain/currentMemory">
    <xsl:call-template name="amount">
      <xsl:with-param name="value" select="$current"/>
      <xsl:with-param name="unit" select="$current-unit"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
