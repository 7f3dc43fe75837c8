<?xml version="1.0"?>
<!-- cpu-too-many-vcpus: let a q35 guest address more than 255 vCPUs.
     An intel IOMMU with <driver intremap='on' eim='on'/> is added at the end
     of <devices> (an existing intel IOMMU gets both attributes on its
     <driver>, created if need be), and <features> gets
     <ioapic driver='qemu'/> (an existing <ioapic> gets driver='qemu'),
     after acpi/apic/pae/hap/viridian/privnet/hyperv/kvm/xen/pvspinlock/
     vmport/gic/smm; <features> is created after <os> if missing.
     Parameters: targets (the <vcpu>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

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
        <xsl:if test="not(../features) and self::os">
          <features>
            <ioapic driver="qemu"/>
          </features>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features">
    <xsl:variable name="anchor"
                  select="*[self::acpi or self::apic or self::pae or self::hap or self::viridian or self::privnet
                            or self::hyperv or self::kvm or self::xen or self::pvspinlock or self::vmport
                            or self::gic or self::smm][last()]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="ioapic">
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:when test="not($anchor)">
          <ioapic driver="qemu"/>
          <xsl:apply-templates select="node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="node()">
            <xsl:apply-templates select="."/>
            <xsl:if test="count(. | $anchor) = 1">
              <ioapic driver="qemu"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features/ioapic">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="driver">qemu</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="not(iommu)">
        <iommu model="intel">
          <driver intremap="on" eim="on"/>
        </iommu>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/iommu[@model = 'intel']">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="not(driver)">
        <driver intremap="on" eim="on"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/iommu[@model = 'intel']/driver">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="intremap">on</xsl:attribute>
      <xsl:attribute name="eim">on</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
