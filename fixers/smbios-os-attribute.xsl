<?xml version="1.0"?>
<!-- smbios-os-attribute and smbios-sysinfo-unused: put the SMBIOS mode
     where libvirt reads it, <os><smbios mode='...'/></os>.
     - A targeted <os> loses its smbios attribute (not libvirt syntax).
     - When MODE is not empty and <os> has no <smbios> yet, <smbios
       mode='MODE'/> is added where libvirt writes it: after the last of
       type, firmware, loader, nvram, kernel, initrd, cmdline, dtb, acpi,
       boot and bootmenu.  smbios-sysinfo-unused targets <sysinfo>; its
       <os> gets the element.
     Parameters: targets, the vl:id of the <os> or <sysinfo>; mode. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="mode"/>

  <xsl:variable name="os" select="/domain/os[1]"/>
  <xsl:variable name="targeted"
                select="/domain/*[(self::os or self::sysinfo) and contains($targets, concat(' ', @vl:id, ' '))]"/>
  <xsl:variable name="anchor"
                select="($os/*[self::type or self::firmware or self::loader or self::nvram or self::kernel or
                               self::initrd or self::cmdline or self::dtb or self::acpi or self::boot or
                               self::bootmenu])[last()]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/@smbios">
    <xsl:if test="not(contains($targets, concat(' ', ../@vl:id, ' ')))">
      <xsl:copy/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/os[1]/*">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
    <xsl:if test="count(. | $anchor) = 1 and $targeted and $mode != '' and not($os/smbios)">
      <smbios mode="{$mode}"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
