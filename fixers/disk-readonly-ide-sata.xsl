<?xml version="1.0"?>
<!-- disk-readonly-ide-sata: a read-only IDE/SATA disk whose source is an
     ISO image becomes a CD-ROM (device='cdrom'); its driver type, if any,
     stays.
     Parameters: targets, the vl:id of each <readonly>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="devices/disk">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="readonly[contains($targets, concat(' ', @vl:id, ' '))]">
        <xsl:attribute name="device">cdrom</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
