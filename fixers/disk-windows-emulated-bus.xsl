<?xml version="1.0"?>
<!-- disk-windows-emulated-bus (unsafe): move a Windows guest's SATA/IDE
     hard disk to virtio-blk.  The <target> gets its new dev and
     bus='virtio'; the disk's drive <address> is dropped so that libvirt
     assigns a PCI address.
     Parameters:
       targets  the vl:id of each <target>, space-separated;
       moves    OLD:NEW for each (OLD the target dev), space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="moves"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/target">
    <xsl:variable name="new"
                  select="substring-before(substring-after(concat(' ', $moves, ' '), concat(' ', @dev, ':')), ' ')"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and $new != ''">
        <xsl:attribute name="dev"><xsl:value-of select="$new"/></xsl:attribute>
        <xsl:attribute name="bus">virtio</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/address">
    <xsl:if test="not(../target[contains($targets, concat(' ', @vl:id, ' '))])">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
