<?xml version="1.0"?>
<!-- usb-controller-legacy (unsafe): replace a legacy USB controller with
       <controller type='usb' index='N' model='qemu-xhci' ports='15'/>
     The targeted controller keeps its index and alias, loses its <master>,
     and the UHCI companion controllers of the same index (with <master>)
     are removed.  Its PCI <address>:
     - stays where it is when that address remains valid: function 0, or a
       slot whose function 0 stays occupied (by another device, or by the
       PIIX3 chipset at 00:01.0 of an i440fx machine: the usual piix3-uhci
       address 00:01.2).  Dropping it would make libvirt look for a free
       slot, and a full bus 0 (libvirt's pci-many.xml) then fails to define;
     - moves to the function-0 address of a removed companion in the same
       slot (ICH9: EHCI at 00:1d.7, UHCI1 at 00:1d.0), since function 7
       alone in a slot is not a valid PCI layout;
     - is dropped otherwise, and libvirt assigns one.
     Parameters: targets, the vl:id of each <controller> to replace;
     piix3, "yes" when the machine is i440fx (its slot 1 holds the PIIX3). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="piix3"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- the index of a USB controller, libvirt's default 0 -->
  <xsl:template name="index">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/@index"><xsl:value-of select="$c/@index"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- V as a number: libvirt writes PCI address parts in hex ("0x1d") but
       accepts decimal; absent means 0 -->
  <xsl:template name="num">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''">0</xsl:when>
      <xsl:when test="starts-with($v, '0x') or starts-with($v, '0X')">
        <xsl:call-template name="hex">
          <xsl:with-param name="digits" select="translate(substring($v, 3), 'ABCDEF', 'abcdef')"/>
          <xsl:with-param name="acc" select="0"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="number($v)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hex">
    <xsl:param name="digits"/>
    <xsl:param name="acc"/>
    <xsl:choose>
      <xsl:when test="$digits = ''"><xsl:value-of select="$acc"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="hex">
          <xsl:with-param name="digits" select="substring($digits, 2)"/>
          <xsl:with-param name="acc"
                          select="$acc * 16 + string-length(substring-before('0123456789abcdef', substring($digits, 1, 1)))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "domain:bus:slot:function" of a PCI <address>, as decimal numbers -->
  <xsl:template name="key">
    <xsl:param name="a"/>
    <xsl:call-template name="num"><xsl:with-param name="v" select="$a/@domain"/></xsl:call-template>
    <xsl:text>:</xsl:text>
    <xsl:call-template name="num"><xsl:with-param name="v" select="$a/@bus"/></xsl:call-template>
    <xsl:text>:</xsl:text>
    <xsl:call-template name="num"><xsl:with-param name="v" select="$a/@slot"/></xsl:call-template>
    <xsl:text>:</xsl:text>
    <xsl:call-template name="num"><xsl:with-param name="v" select="$a/@function"/></xsl:call-template>
  </xsl:template>

  <!-- the new controller's address: see the header -->
  <xsl:template name="address">
    <xsl:param name="index"/>
    <xsl:variable name="a" select="address[@type = 'pci']"/>
    <xsl:variable name="key">
      <xsl:call-template name="key"><xsl:with-param name="a" select="$a"/></xsl:call-template>
    </xsl:variable>
    <!-- "domain:bus:slot:" of the address, and its function 0 -->
    <xsl:variable name="slot" select="concat(substring-before($key, ':'), ':',
                                             substring-before(substring-after($key, ':'), ':'), ':',
                                             substring-before(substring-after(substring-after($key, ':'), ':'), ':'), ':')"/>
    <xsl:variable name="removed"
                  select="../controller[@type = 'usb' and master and (@index = $index or (not(@index) and $index = '0'))]"/>
    <!-- function 0 of the slot stays occupied: by another device that is kept -->
    <xsl:variable name="occupied">
      <xsl:for-each select="/domain/devices/*[count(. | $removed) != count($removed)]/address[@type = 'pci']">
        <xsl:variable name="k">
          <xsl:call-template name="key"><xsl:with-param name="a" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="$k = concat($slot, '0')">y</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($a)"/>
      <xsl:when test="$key = concat($slot, '0') or $occupied != '' or
                      (contains($piix3, 'yes') and $slot = '0:0:1:')">
        <xsl:apply-templates select="$a"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$removed/address[@type = 'pci']">
          <xsl:variable name="k">
            <xsl:call-template name="key"><xsl:with-param name="a" select="."/></xsl:call-template>
          </xsl:variable>
          <!-- the controller's own <address> with the companion's numbers, so
               that only its attributes change -->
          <xsl:variable name="to" select="."/>
          <xsl:if test="$k = concat($slot, '0')">
            <xsl:for-each select="$a">
              <xsl:copy>
                <xsl:apply-templates select="@*[local-name() != 'domain' and local-name() != 'bus' and
                                                local-name() != 'slot' and local-name() != 'function' and
                                                local-name() != 'multifunction']"/>
                <xsl:copy-of select="$to/@domain | $to/@bus | $to/@slot | $to/@function"/>
              </xsl:copy>
            </xsl:for-each>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/controller[@type = 'usb']">
    <xsl:variable name="index">
      <xsl:call-template name="index">
        <xsl:with-param name="c" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="targeted" select="contains($targets, concat(' ', @vl:id, ' '))"/>
    <!-- the targeted controller of the same bus, when this is not it -->
    <xsl:variable name="replaced"
                  select="../controller[@type = 'usb' and contains($targets, concat(' ', @vl:id, ' ')) and
                                        (@index = $index or (not(@index) and $index = '0'))]"/>
    <xsl:choose>
      <xsl:when test="$targeted">
        <xsl:copy>
          <xsl:apply-templates select="@*[local-name() != 'ports']"/>
          <xsl:attribute name="model">qemu-xhci</xsl:attribute>
          <xsl:attribute name="ports">15</xsl:attribute>
          <xsl:apply-templates select="node()[not(self::address or self::master)]"/>
          <xsl:call-template name="address">
            <xsl:with-param name="index" select="$index"/>
          </xsl:call-template>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="$replaced and master"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
