<?xml version="1.0"?>
<!-- disk-discard-unmap: pass the guest's discards through to the image:
     discard='unmap' on the disk's <driver>, or a new
     <driver name='qemu' discard='unmap'/> first in a disk that has none.
     Parameters: targets, the vl:id of each <driver> (or <disk> without
     one), space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="devices/disk/driver">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:attribute name="discard">unmap</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="devices/disk">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and not(driver)">
        <driver name='qemu' discard='unmap'/>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
