<?xml version="1.0"?>
<!-- qemu-arg-removed: replace a removed -no-hpet pass-through by the domain
     XML that says the same, <timer name='hpet' present='no'/> (libvirt
     passes it as -machine hpet=off, or as -no-hpet to a QEMU without the
     hpet machine property).  The qemu:arg goes, and its qemu:commandline
     when nothing else is left in it; an hpet timer in <clock> gets
     present='no', else one is added at the end of <clock>; without <clock>,
     <clock offset='utc'> (libvirt's default offset) is added after <os>,
     <features> or <cpu>.  Only -no-hpet findings offer this fix.
     Parameters: targets, the vl:id of each -no-hpet qemu:arg. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl qemu">
  <xsl:param name="targets"/>

  <xsl:variable name="fixing" select="/domain/qemu:commandline/qemu:arg[contains($targets, concat(' ', @vl:id, ' '))]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/qemu:commandline/qemu:arg">
    <xsl:if test="not(contains($targets, concat(' ', @vl:id, ' ')))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/qemu:commandline">
    <xsl:if test="*[not(contains($targets, concat(' ', @vl:id, ' ')))]">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="after" select="(os|features|cpu)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$fixing and not(../clock) and count(. | $after) = 1">
          <clock offset="utc">
            <timer name="hpet" present="no"/>
          </clock>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$fixing and not(clock) and not($after)">
        <clock offset="utc">
          <timer name="hpet" present="no"/>
        </clock>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="$fixing and not(timer[@name = 'hpet'])">
        <timer name="hpet" present="no"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock/timer[@name = 'hpet']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$fixing">
        <xsl:attribute name="present">no</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
