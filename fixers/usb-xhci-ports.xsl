<?xml version="1.0"?>
<!-- usb-xhci-ports: lower an xHCI controller's ports to 15, libvirt's maximum.
     Parameters: targets, the vl:id of each <controller> to fix. -->
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

  <xsl:template match="/domain/devices/controller/@ports">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', ../@vl:id, ' ')) and number(.) &gt; 15">
        <xsl:attribute name="ports">15</xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
