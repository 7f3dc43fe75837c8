<?xml version="1.0"?>
<!-- firmware-acpi (firmware-uefi-acpi, firmware-acpi-missing): turn ACPI on.
     <features> gets <acpi/> as its first child; without <features>, a
     <features><acpi/></features> is added after <os> (or after <idmap>
     when that follows <os>), where libvirt writes it.
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

  <xsl:template match="/domain">
    <xsl:variable name="anchor" select="(os|idmap)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../features) and $anchor and count(. | $anchor) = 1">
          <features>
            <acpi/>
          </features>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="not(acpi)">
        <acpi/>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
