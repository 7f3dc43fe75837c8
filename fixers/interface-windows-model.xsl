<?xml version="1.0"?>
<!-- interface-windows-model (unsafe): <model type='virtio'/> on the NIC.  An
     existing <model> gets type='virtio'; otherwise one is added where libvirt
     writes it, after mac, source, virtualport, ip, route, script, target and
     guest (first otherwise).
     Parameters: targets, the vl:id of each <interface> to fix. -->
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

  <xsl:template match="/domain/devices/interface">
    <xsl:variable name="fix" select="contains($targets, concat(' ', @vl:id, ' '))"/>
    <xsl:variable name="anchor"
                  select="(mac|source|vlan|virtualport|ip|route|script|downscript|backenddomain|target|guest)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$fix and not(model) and not($anchor)">
        <model type="virtio"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="$fix and self::model">
            <xsl:copy>
              <xsl:apply-templates select="@*"/>
              <xsl:attribute name="type">virtio</xsl:attribute>
              <xsl:apply-templates select="node()"/>
            </xsl:copy>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="."/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$fix and not(../model) and $anchor and count(. | $anchor) = 1">
          <model type="virtio"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
