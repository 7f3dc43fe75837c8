<?xml version="1.0"?>
<!-- hostdev-ovmf-pcimmio64 (unsafe): remove the qemu:arg naming
     opt/ovmf/X-PciMmio64Mb and the -fw_cfg before it; a qemu:commandline left
     empty goes too.
     Parameters: targets, the vl:id of each qemu:arg to remove. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl qemu">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- mode gone: 'r' for an argument the fix removes -->
  <xsl:template match="qemu:arg" mode="gone">
    <xsl:variable name="next" select="following-sibling::*[1][self::qemu:arg]"/>
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">r</xsl:when>
      <xsl:when test="(@value = '-fw_cfg' or @value = '--fw_cfg') and $next and
                      contains($targets, concat(' ', $next/@vl:id, ' '))">r</xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="*" mode="gone"/>

  <xsl:template match="qemu:arg">
    <xsl:variable name="gone">
      <xsl:apply-templates select="." mode="gone"/>
    </xsl:variable>
    <xsl:if test="$gone = ''">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="qemu:commandline">
    <xsl:variable name="gone">
      <xsl:apply-templates select="*" mode="gone"/>
    </xsl:variable>
    <xsl:if test="not(*) or string-length($gone) != count(*)">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
