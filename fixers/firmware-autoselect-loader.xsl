<?xml version="1.0"?>
<!-- firmware-autoselect-loader (safe): make a domain with firmware
     autoselection and explicit loader settings definable on libvirt before
     9.2, keeping the firmware the file names.
     mode "manual" (the <loader> has a pflash path): remove firmware='efi'
       from <os> and the <firmware> feature list, which only steers the
       autoselection; the <loader> and <nvram> stay as they are.
     mode "auto" (no path): remove readonly='yes' and type='pflash' from
       <loader>, which autoselection implies, and the <loader> itself when
       nothing is left in it.
     Parameters: targets, the vl:id of the finding's element; mode. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="mode"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/@firmware">
    <xsl:if test="not(contains($mode, 'manual'))">
      <xsl:copy/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/os/firmware">
    <xsl:if test="not(contains($mode, 'manual'))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/os/loader">
    <xsl:choose>
      <xsl:when test="contains($mode, 'auto') and
                      not(@*[local-name() != 'readonly' and local-name() != 'type' and local-name() != 'id'])
                      and normalize-space(.) = ''"/>
      <xsl:when test="contains($mode, 'auto')">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'readonly' and local-name() != 'type'] | node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
