<?xml version="1.0"?>
<!-- disk-iso-writable: a writable device='disk' whose source is an ISO
     image becomes a read-only CD-ROM: device='cdrom', and <readonly/> after
     its <target>.  The bus, target dev and driver stay.
     Parameters: targets, the vl:id of each <disk>, space-separated. -->
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
    <xsl:variable name="hit" select="contains($targets, concat(' ', @vl:id, ' '))"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$hit">
        <xsl:attribute name="device">cdrom</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$hit and self::target and not(../readonly)">
          <readonly/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
