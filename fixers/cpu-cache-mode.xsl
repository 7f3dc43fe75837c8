<?xml version="1.0"?>
<!-- cpu-cache-mode: make <cpu><cache> one libvirt's QEMU driver accepts.
     mode='passthrough' on a CPU that is not host-passthrough or maximum
     becomes <cache level='3' mode='emulate'/>; passthrough and disable lose
     their level; emulate gets level='3'.
     Parameters: targets, the vl:id of the <cache>. -->
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

  <xsl:template match="/domain/cpu/cache">
    <xsl:variable name="host" select="../@mode = 'host-passthrough' or ../@mode = 'maximum'"/>
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="@mode = 'passthrough' and not($host)">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'level' and local-name() != 'mode']"/>
          <xsl:attribute name="level">3</xsl:attribute>
          <xsl:attribute name="mode">emulate</xsl:attribute>
          <xsl:apply-templates select="node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="@mode = 'passthrough' or @mode = 'disable'">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'level']|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'level' and local-name() != 'mode']"/>
          <xsl:attribute name="level">3</xsl:attribute>
          <xsl:apply-templates select="@mode|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
