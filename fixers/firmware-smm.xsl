<?xml version="1.0"?>
<!-- firmware-smm (firmware-secure-boot-smm, firmware-secboot-flags): turn
     SMM on.  A <smm state='off'/> becomes state='on'; without <smm>, a
     <smm state='on'/> is added to <features> where libvirt writes it
     (before the first of ioapic, hpt, htm, nested-hv, msrs, ccf-assist,
     cfpc, sbbc, ibs, tcg, async-teardown, ras, ps2, aia; else last), and a
     <features> with <acpi/> and it is added after <os> when there is none.
     With $secure = 'yes', the <loader> also gets secure='yes'.
     Parameters: targets (unused), secure ('yes' or ''). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="secure"/>

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
            <smm state="on"/>
          </features>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features">
    <xsl:variable name="after" select="(ioapic|hpt|htm|nested-hv|msrs|ccf-assist|cfpc|sbbc|ibs|tcg|async-teardown|ras|ps2|aia)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="not(../smm) and $after and count(. | $after) = 1">
          <smm state="on"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(smm) and not($after)">
        <smm state="on"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features/smm/@state">
    <xsl:attribute name="state">on</xsl:attribute>
  </xsl:template>

  <xsl:template match="/domain/os/loader">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$secure = 'yes'">
        <xsl:attribute name="secure">yes</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
