<?xml version="1.0"?>
<!-- firmware-win11-uefi: switch a BIOS guest to UEFI firmware.
     <os> gets firmware='efi' (libvirt's firmware auto-selection) and loses
     any <loader> and <nvram>, which auto-selection refuses with a BIOS
     path; when $secure-boot is 'yes', a <firmware> element asking for the
     secure-boot and enrolled-keys features goes right after <type>.
     <features> gets <acpi/> (UEFI requires it) as its first child when it
     has none, and, with $secure-boot, <smm state='on'/> (added where libvirt
     writes it, or an existing state='off' turned on); without <features>,
     one is added after <os>.
     Parameters: targets (the <os>; unused), secure-boot ('yes' or ''). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="secure-boot"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="self::os and not(../features)">
          <features>
            <acpi/>
            <xsl:if test="$secure-boot = 'yes'">
              <smm state="on"/>
            </xsl:if>
          </features>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="firmware">efi</xsl:attribute>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::loader or self::nvram or self::firmware"/>
          <xsl:otherwise>
            <xsl:apply-templates select="."/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="self::type and $secure-boot = 'yes'">
          <firmware>
            <feature enabled="yes" name="secure-boot"/>
            <feature enabled="yes" name="enrolled-keys"/>
          </firmware>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features">
    <xsl:variable name="after-smm" select="(ioapic|hpt|htm|nested-hv|msrs|ccf-assist|cfpc|sbbc|ibs|tcg|async-teardown|ras|ps2|aia)[1]"/>
    <xsl:variable name="add-smm" select="$secure-boot = 'yes' and not(smm)"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="not(acpi)">
        <acpi/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:if test="$add-smm and $after-smm and count(. | $after-smm) = 1">
          <smm state="on"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="$add-smm and not($after-smm)">
        <smm state="on"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features/smm/@state[. = 'off']">
    <xsl:attribute name="state">on</xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
