<?xml version="1.0"?>
<!-- disk-removable-media-bus: move a CD-ROM off the virtio bus, or a floppy
     onto the floppy controller.  The <target> gets its new dev and bus; an
     <address> of the disk (a PCI one, for virtio) is dropped so that libvirt
     assigns a drive address on the new bus.
     Parameters:
       targets  the vl:id of each <target>, space-separated;
       moves    OLD:NEW:BUS for each, space-separated (OLD the target dev). -->
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

  <!-- "NEW:BUS" for target dev OLD, or empty -->
  <xsl:template name="move-of">
    <xsl:param name="old"/>
    <xsl:value-of select="substring-before(substring-after(concat(' ', $moves, ' '), concat(' ', $old, ':')), ' ')"/>
  </xsl:template>

  <xsl:template match="disk/target">
    <xsl:variable name="move">
      <xsl:call-template name="move-of">
        <xsl:with-param name="old" select="@dev"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and $move != ''">
        <xsl:attribute name="dev"><xsl:value-of select="substring-before($move, ':')"/></xsl:attribute>
        <xsl:attribute name="bus"><xsl:value-of select="substring-after($move, ':')"/></xsl:attribute>
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
