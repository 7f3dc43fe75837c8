<?xml version="1.0"?>
<!-- clock-timer-unsupported: make each targeted <timer> one libvirt's QEMU
     driver takes.  The platform timer is removed; attributes the timer does
     not take are removed (track except on rtc, mode and frequency except on
     tsc, tickpolicy on kvmclock and hypervclock, and the ignored tickpolicy
     on hpet and tsc, present='no' on rtc and pit, which libvirt
     ignores); rtc track='boot' is removed; rtc tickpolicy merge or
     discard becomes catchup and pit tickpolicy merge becomes delay, the
     values virt-manager writes.
     Parameters: targets, the vl:id of each <timer> to fix. -->
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

  <xsl:template match="/domain/clock/timer">
    <xsl:variable name="n" select="@name"/>
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="$n = 'platform'"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*[not(
              (local-name() = 'track' and ($n != 'rtc' or . = 'boot'))
              or ((local-name() = 'mode' or local-name() = 'frequency') and $n != 'tsc')
              or (local-name() = 'tickpolicy' and ($n = 'kvmclock' or $n = 'hypervclock' or $n = 'hpet' or $n = 'tsc'))
              or (local-name() = 'present' and . = 'no' and ($n = 'rtc' or $n = 'pit')))]"/>
          <xsl:if test="$n = 'rtc' and (@tickpolicy = 'merge' or @tickpolicy = 'discard')">
            <xsl:attribute name="tickpolicy">catchup</xsl:attribute>
          </xsl:if>
          <xsl:if test="$n = 'pit' and @tickpolicy = 'merge'">
            <xsl:attribute name="tickpolicy">delay</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
