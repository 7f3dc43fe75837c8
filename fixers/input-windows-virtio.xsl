<?xml version="1.0"?>
<!-- input-windows-virtio: add
       <input type='keyboard' bus='virtio'/>
       <input type='tablet' bus='virtio'/>
     after the last input device (or, without one, where libvirt writes input
     devices: after the last disk, controller, filesystem, interface, serial,
     console or channel; first in <devices> otherwise).  The existing PS/2 and
     USB devices stay.
     Parameters: targets, the vl:id of <devices>. -->
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

  <xsl:template name="new">
    <input type="keyboard" bus="virtio"/>
    <input type="tablet" bus="virtio"/>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:variable name="anchor"
                  select="(emulator|disk|controller|lease|filesystem|interface|smartcard|serial|parallel|console|channel|input)[last()]"/>
    <xsl:variable name="add" select="contains($targets, concat(' ', @vl:id, ' ')) and not(input[@bus = 'virtio'])"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$add and not($anchor)">
        <xsl:call-template name="new"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$add and $anchor and count(. | $anchor) = 1">
          <xsl:call-template name="new"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
