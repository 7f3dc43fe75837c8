<?xml version="1.0"?>
<!-- usb-controller-legacy (unsafe): replace a legacy USB controller with
       <controller type='usb' index='N' model='qemu-xhci' ports='15'/>
     The targeted controller keeps its index and alias but loses its PCI
     <address> (a UHCI/EHCI function address such as 00:1d.7 does not suit
     xHCI: libvirt assigns a new one) and its <master>; the UHCI companion
     controllers of the same index (with <master>) are removed.
     Parameters: targets, the vl:id of each <controller> to replace. -->
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

  <!-- the index of a USB controller, libvirt's default 0 -->
  <xsl:template name="index">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/@index"><xsl:value-of select="$c/@index"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/controller[@type = 'usb']">
    <xsl:variable name="index">
      <xsl:call-template name="index">
        <xsl:with-param name="c" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="targeted" select="contains($targets, concat(' ', @vl:id, ' '))"/>
    <!-- the targeted controller of the same bus, when this is not it -->
    <xsl:variable name="replaced"
                  select="../controller[@type = 'usb' and contains($targets, concat(' ', @vl:id, ' ')) and
                                        (@index = $index or (not(@index) and $index = '0'))]"/>
    <xsl:choose>
      <xsl:when test="$targeted">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'ports']"/>
          <xsl:attribute name="model">qemu-xhci</xsl:attribute>
          <xsl:attribute name="ports">15</xsl:attribute>
          <xsl:apply-templates select="node()[not(self::address or self::master)]"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="$replaced and master"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
