<?xml version="1.0"?>
<!-- memory-win11-vcpu-minimum: bring a Windows 11 guest up with 2 vCPUs.
     <vcpu> gets $vcpus as its text and $current as its current attribute
     (each when not empty); <cpu><topology> gets cores='$cores' when $cores
     is not empty (the check only asks for it when the topology was all
     ones, so it then describes 2 vCPUs).
     Parameters: targets (the <vcpu>; unused), vcpus, current, cores. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="vcpus"/>
  <xsl:param name="current"/>
  <xsl:param name="cores"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/vcpu">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$current != ''">
        <xsl:attribute name="current"><xsl:value-of select="$current"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$vcpus != ''">
          <xsl:value-of select="$vcpus"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/cpu/topology/@cores">
    <xsl:choose>
      <xsl:when test="$cores != ''">
        <xsl:attribute name="cores"><xsl:value-of select="$cores"/></xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/cpu/topology[not(@cores)]">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$cores != ''">
        <xsl:attribute name="cores"><xsl:value-of select="$cores"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
