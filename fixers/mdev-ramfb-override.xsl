<?xml version="1.0"?>
<!-- mdev-ramfb-override: replace the qemu:override properties ramfb=true and
     driver=vfio-pci-nohotplug of a vGPU by ramfb='on' on its <hostdev>.
     The hostdev is the one whose user alias, or hostdevN alias (N counting
     <hostdev> elements), the qemu:device names; qemu:frontend, qemu:device and
     qemu:override elements left empty are removed.
     Parameters: targets, the vl:id of each ramfb qemu:property to replace. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl qemu">
  <xsl:param name="targets"/>

  <xsl:variable name="props" select="/domain/qemu:override/qemu:device/qemu:frontend/qemu:property"/>
  <xsl:variable name="targeted" select="$props[@name = 'ramfb' and contains($targets, concat(' ', @vl:id, ' '))]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- the alias QEMU knows the hostdev by -->
  <xsl:template name="alias">
    <xsl:param name="dev"/>
    <xsl:choose>
      <xsl:when test="$dev/alias/@name"><xsl:value-of select="$dev/alias/@name"/></xsl:when>
      <xsl:otherwise>hostdev<xsl:value-of select="count($dev/preceding-sibling::hostdev)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/hostdev[@type = 'mdev']">
    <xsl:variable name="alias">
      <xsl:call-template name="alias">
        <xsl:with-param name="dev" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$targeted[../../@alias = $alias]">
        <xsl:attribute name="ramfb">on</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- mode gone: 'r' for an element the fix removes -->
  <xsl:template match="*" mode="gone"/>
  <xsl:template match="qemu:property" mode="gone">
    <xsl:variable name="mine" select="../qemu:property[@name = 'ramfb' and contains($targets, concat(' ', @vl:id, ' '))]"/>
    <xsl:if test="$mine and (@name = 'ramfb' or (@name = 'driver' and @value = 'vfio-pci-nohotplug'))">r</xsl:if>
  </xsl:template>
  <xsl:template match="qemu:override|qemu:device|qemu:frontend" mode="gone">
    <xsl:variable name="children">
      <xsl:apply-templates select="*" mode="gone"/>
    </xsl:variable>
    <xsl:if test="* and string-length($children) = count(*)">r</xsl:if>
  </xsl:template>

  <xsl:template match="qemu:override|qemu:device|qemu:frontend|qemu:property">
    <xsl:variable name="gone">
      <xsl:apply-templates select="." mode="gone"/>
    </xsl:variable>
    <xsl:if test="$gone = ''">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
