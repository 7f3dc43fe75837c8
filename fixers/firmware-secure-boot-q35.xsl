<?xml version="1.0"?>
<!-- firmware-secure-boot-q35: drop secure='yes' from a targeted <loader>
     (offered only for OVMF builds without Secure Boot, on which the flag
     does nothing but make libvirt refuse a non-q35 machine).
     Parameters: targets, the vl:id of the <loader>. -->
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

  <xsl:template match="/domain/os/loader">
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:apply-templates select="@*[local-name() != 'secure']|node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
