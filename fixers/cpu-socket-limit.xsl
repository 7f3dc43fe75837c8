<?xml version="1.0"?>
<!-- cpu-socket-limit: put a Windows guest's vCPUs in one socket.
     An existing <topology> gets sockets='1' dies='1' (clusters='1' when it
     has clusters) and the given cores and threads.  A <cpu> without one gets
     <topology sockets='1' dies='1' cores='C' threads='T'/> after its <model>
     and <vendor>, or as its first child.  A domain without <cpu> gets a
     topology-only <cpu> (no mode, so the CPU model stays libvirt's default)
     after <features>, else after <os>.
     Parameters: cores and threads (the rule's suggestion; targets unused: a
     domain has one CPU topology). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="cores"/>
  <xsl:param name="threads"/>

  <!-- one suggestion (findings of one document cannot disagree) -->
  <xsl:variable name="ok" select="string(number($cores)) = $cores and string(number($threads)) = $threads"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="new-topology">
    <topology sockets="1" dies="1" cores="{$cores}" threads="{$threads}"/>
  </xsl:template>

  <xsl:template match="/domain/cpu/topology">
    <xsl:choose>
      <xsl:when test="$ok and count(../topology) = 1">
        <xsl:copy>
          <xsl:apply-templates select="@*[not(local-name() = 'sockets' or local-name() = 'dies' or
                                              local-name() = 'clusters' or local-name() = 'cores' or
                                              local-name() = 'threads')]"/>
          <xsl:attribute name="sockets">1</xsl:attribute>
          <xsl:attribute name="dies">1</xsl:attribute>
          <xsl:if test="@clusters">
            <xsl:attribute name="clusters">1</xsl:attribute>
          </xsl:if>
          <xsl:attribute name="cores"><xsl:value-of select="$cores"/></xsl:attribute>
          <xsl:attribute name="threads"><xsl:value-of select="$threads"/></xsl:attribute>
          <xsl:apply-templates select="node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <cpu> without <topology>: add it after <model>/<vendor>, else first -->
  <xsl:template match="/domain/cpu[not(topology)]">
    <xsl:variable name="anchor" select="(model|vendor)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="not($ok)">
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:when test="$anchor">
          <xsl:for-each select="node()">
            <xsl:apply-templates select="."/>
            <xsl:if test="count(. | $anchor) = 1">
              <xsl:call-template name="new-topology"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="new-topology"/>
          <xsl:apply-templates select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <!-- no <cpu>: a topology-only one, where libvirt writes <cpu> -->
  <xsl:template match="/domain[not(cpu)]">
    <xsl:variable name="anchor" select="(features | os[not(../features)])[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$ok and count(. | $anchor) = 1">
          <cpu>
            <xsl:call-template name="new-topology"/>
          </cpu>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$ok and not($anchor)">
        <cpu>
          <xsl:call-template name="new-topology"/>
        </cpu>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
