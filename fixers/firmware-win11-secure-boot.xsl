<?xml version="1.0"?>
<!-- firmware-win11-secure-boot: ask firmware auto-selection for Secure Boot
     with enrolled keys.  <os><firmware> gets the secure-boot and
     enrolled-keys features enabled (existing ones are switched on; a
     missing <firmware> goes right after <type>); a <loader secure='no'/>
     loses the attribute (and goes when nothing is left of it); a
     <smm state='off'/> is turned on (without <smm>, libvirt turns SMM on
     for the Secure Boot firmware itself).  Only offered with
     <os firmware='efi'> on q35.
     Parameters: targets (unused). -->
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

  <xsl:template match="/domain/os">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="self::type and not(../firmware)">
          <firmware>
            <feature enabled="yes" name="secure-boot"/>
            <feature enabled="yes" name="enrolled-keys"/>
          </firmware>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/firmware">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="not(feature[@name = 'secure-boot'])">
        <feature enabled="yes" name="secure-boot"/>
      </xsl:if>
      <xsl:if test="not(feature[@name = 'enrolled-keys'])">
        <feature enabled="yes" name="enrolled-keys"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/firmware/feature[@name = 'secure-boot' or @name = 'enrolled-keys']/@enabled">
    <xsl:attribute name="enabled">yes</xsl:attribute>
  </xsl:template>

  <xsl:template match="/domain/os/loader[@secure = 'no']">
    <xsl:if test="@*[local-name() != 'secure' and local-name() != 'id'] or normalize-space(.) != ''">
      <xsl:copy>
        <xsl:apply-templates select="@*[local-name() != 'secure']|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/features/smm/@state[. = 'off']">
    <xsl:attribute name="state">on</xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
