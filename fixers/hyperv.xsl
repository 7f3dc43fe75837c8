<?xml version="1.0"?>
<!-- hyperv: turn Hyper-V enlightenments on together with everything QEMU
     requires of them (shared by hyperv-stimer, hyperv-dependency and
     clock-hypervclock).
     S = the features already on in <hyperv mode='custom'> (or with no mode),
     the hypervclock timer if present='yes', and the names in $ensure; S is
     closed under QEMU's dependencies:
       synic -> vpindex;  stimer -> synic, vpindex, hypervclock;
       tlbflush, ipi -> vpindex;  evmcs -> vapic;
       tlbflush with <direct state='on'/> -> vapic.
     Each needed feature gets state='on' (an existing element keeps its other
     attributes and children; a missing one is appended to <hyperv>, which is
     created with mode='custom' after acpi/apic/pae/hap/viridian/privnet, in a
     <features> created after <os> if need be).  hypervclock is
     <timer name='hypervclock' present='yes'/> in <clock>, which is created as
     <clock offset='utc'> (libvirt's default) after <cpu>, else <features>.
     <hyperv mode='passthrough'> and mode='host-model' are left alone.
     Parameters: ensure, space-separated names to turn on (vpindex synic
     stimer hypervclock, or another feature that takes only state=); may be
     empty.  targets is not used: the result is the same whichever finding
     asked for it. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="ensure"/>

  <xsl:variable name="hv" select="/domain/features/hyperv"/>
  <!-- a missing <hyperv> is created in custom mode -->
  <xsl:variable name="custom" select="not($hv/@mode) or $hv/@mode = 'custom'"/>

  <!-- S, as " name name ... " -->
  <xsl:variable name="on">
    <xsl:value-of select="concat(' ', normalize-space($ensure), ' ')"/>
    <xsl:if test="$custom">
      <xsl:for-each select="$hv/*[@state = 'on']">
        <xsl:value-of select="concat(local-name(), ' ')"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="/domain/clock/timer[@name = 'hypervclock' and @present = 'yes']">hypervclock </xsl:if>
  </xsl:variable>

  <!-- the closure of S under QEMU's dependencies -->
  <xsl:variable name="stimer" select="contains($on, ' stimer ')"/>
  <xsl:variable name="synic" select="$stimer or contains($on, ' synic ')"/>
  <xsl:variable name="vpindex"
                select="$synic or contains($on, ' vpindex ') or contains($on, ' tlbflush ') or contains($on, ' ipi ')"/>
  <xsl:variable name="vapic" select="contains($on, ' vapic ') or contains($on, ' evmcs ')
                                      or (contains($on, ' tlbflush ') and $hv/tlbflush/direct[@state = 'on'])"/>
  <xsl:variable name="hypervclock" select="$stimer or contains($on, ' hypervclock ')"/>

  <!-- the <hyperv> children that must be on, as " name name ... " -->
  <xsl:variable name="need">
    <xsl:if test="$custom">
      <xsl:value-of select="concat(' ', normalize-space($ensure), ' ')"/>
      <xsl:if test="$vapic">vapic </xsl:if>
      <xsl:if test="$vpindex">vpindex </xsl:if>
      <xsl:if test="$synic">synic </xsl:if>
      <xsl:if test="$stimer">stimer </xsl:if>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="need-hyperv" select="contains($need, ' vapic ') or contains($need, ' vpindex ')
                                           or contains($need, ' synic ') or contains($need, ' stimer ')
                                           or contains($need, ' tlbflush ') or contains($need, ' ipi ')
                                           or contains($need, ' evmcs ')"/>

  <!-- the state-only features, in the order libvirt writes them -->
  <xsl:variable name="order"
                select="'relaxed vapic vpindex runtime synic stimer reset frequencies reenlightenment tlbflush ipi evmcs avic emsr_bitmap xmm_input'"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- <features> after <os>, <clock> after <cpu> or <features> -->
  <xsl:template match="/domain">
    <xsl:variable name="new-features" select="not(features) and $need-hyperv"/>
    <xsl:variable name="new-clock" select="not(clock) and $hypervclock"/>
    <xsl:variable name="clock-after" select="(os|features|cpu)[last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$new-features and self::os">
          <features>
            <xsl:call-template name="new-hyperv"/>
          </features>
        </xsl:if>
        <xsl:if test="$new-clock and count(. | $clock-after) = 1">
          <xsl:call-template name="new-clock"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$new-clock and not($clock-after)">
        <xsl:call-template name="new-clock"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <!-- a new <hyperv> after the last of acpi/apic/pae/hap/viridian/privnet -->
  <xsl:template match="/domain/features">
    <xsl:variable name="anchor"
                  select="*[self::acpi or self::apic or self::pae or self::hap or self::viridian or self::privnet][last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="hyperv or not($need-hyperv)">
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:when test="not($anchor)">
          <xsl:call-template name="new-hyperv"/>
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="node()">
            <xsl:apply-templates select="."/>
            <xsl:if test="count(. | $anchor) = 1">
              <xsl:call-template name="new-hyperv"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <!-- an existing <hyperv>: the missing features go at its end -->
  <xsl:template match="/domain/features/hyperv">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="$custom">
        <xsl:call-template name="missing-features"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <!-- a feature that is off (or has no state) and must be on -->
  <xsl:template match="/domain/features/hyperv/*">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$custom and contains($need, concat(' ', local-name(), ' ')) and not(@state = 'on')">
        <xsl:attribute name="state">on</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="$hypervclock and not(timer[@name = 'hypervclock'])">
        <timer name="hypervclock" present="yes"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/clock/timer">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$hypervclock and @name = 'hypervclock' and not(@present = 'yes')">
        <xsl:attribute name="present">yes</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="new-hyperv">
    <hyperv mode="custom">
      <xsl:call-template name="missing-features"/>
    </hyperv>
  </xsl:template>

  <xsl:template name="new-clock">
    <clock offset="utc">
      <timer name="hypervclock" present="yes"/>
    </clock>
  </xsl:template>

  <!-- <NAME state='on'/> for each needed feature <hyperv> lacks, walking
       $order (one name per call) -->
  <xsl:template name="missing-features">
    <xsl:param name="names" select="concat($order, ' ')"/>
    <xsl:variable name="name" select="substring-before($names, ' ')"/>
    <xsl:if test="$name">
      <xsl:if test="contains($need, concat(' ', $name, ' ')) and not($hv/*[local-name() = $name])">
        <xsl:element name="{$name}">
          <xsl:attribute name="state">on</xsl:attribute>
        </xsl:element>
      </xsl:if>
      <xsl:call-template name="missing-features">
        <xsl:with-param name="names" select="substring-after($names, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
