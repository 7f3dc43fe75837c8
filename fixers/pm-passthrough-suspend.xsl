<?xml version="1.0"?>
<!-- pm-passthrough-suspend: disable guest S3 and S4.  An existing <pm> gets
     enabled='no' on suspend-to-mem and suspend-to-disk (adding the missing
     one, mem before disk); without <pm>, one is added where libvirt writes it:
     after <clock> and the on_* lifecycle elements (after the last element
     libvirt writes before <pm>), before <devices> otherwise.
       <pm><suspend-to-mem enabled='no'/><suspend-to-disk enabled='no'/></pm>
     The fix is document-wide.
     Parameters: targets (the <pm> or first PCI <hostdev>; unused). -->
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

  <xsl:template name="new-pm">
    <pm>
      <suspend-to-mem enabled="no"/>
      <suspend-to-disk enabled="no"/>
    </pm>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:variable name="anchor"
                  select="(name|uuid|genid|title|description|metadata|maxMemory|memory|currentMemory|
                           blkiotune|memtune|memoryBacking|vcpu|vcpus|iothreads|iothreadids|cputune|
                           numatune|resource|sysinfo|bootloader|bootloader_args|os|idmap|features|cpu|
                           clock|on_poweroff|on_reboot|on_crash|on_lockfailure)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="not(pm) and not($anchor)">
        <xsl:call-template name="new-pm"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="not(../pm) and $anchor and count(. | $anchor) = 1">
          <xsl:call-template name="new-pm"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/pm">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="not(suspend-to-mem)">
        <suspend-to-mem enabled="no"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="self::suspend-to-mem and not(../suspend-to-disk)">
          <suspend-to-disk enabled="no"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="not(suspend-to-mem) and not(suspend-to-disk)">
        <suspend-to-disk enabled="no"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/pm/suspend-to-mem|/domain/pm/suspend-to-disk">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="enabled">no</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
