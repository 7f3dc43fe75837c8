<?xml version="1.0"?>
<!-- hostdev-x-vga: stop passing vfio-pci's x-vga=on to QEMU.
     A qemu:arg loses its x-vga=on item (vfio-pci,host=...,x-vga=on keeps the
     rest); an argument left empty is removed with the -set, -global or
     -device before it (-set device.hostdev0.x-vga=on goes as a pair).  A
     qemu:override property x-vga=true is removed.  qemu:commandline,
     qemu:override, qemu:device and qemu:frontend elements the fix leaves
     empty are removed too.
     Parameters: targets, the vl:id of each qemu:arg and qemu:property to fix. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl qemu">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The comma-separated VALUE without its x-vga=on items (x-vga=on or
       DRIVER.x-vga=on, on/yes/true/y, as the rule matches them). -->
  <xsl:template name="strip">
    <xsl:param name="rest"/>
    <xsl:param name="out" select="''"/>
    <xsl:variable name="item" select="substring-before(concat($rest, ','), ',')"/>
    <xsl:variable name="key" select="substring-before($item, '=')"/>
    <xsl:variable name="val" select="substring-after($item, '=')"/>
    <xsl:variable name="drop"
                  select="($key = 'x-vga' or substring($key, string-length($key) - 5) = '.x-vga') and
                          ($val = 'on' or $val = 'yes' or $val = 'true' or $val = 'y')"/>
    <xsl:variable name="kept">
      <xsl:value-of select="$out"/>
      <xsl:if test="not($drop)">
        <xsl:value-of select="concat(',', $item)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($rest, ',')">
        <xsl:call-template name="strip">
          <xsl:with-param name="rest" select="substring-after($rest, ',')"/>
          <xsl:with-param name="out" select="$kept"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($kept, 2)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- mode gone: 'r' for an element the fix removes, nothing otherwise -->
  <xsl:template match="*" mode="gone"/>

  <xsl:template match="qemu:property" mode="gone">
    <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">r</xsl:if>
  </xsl:template>

  <!-- an argument whose every item is x-vga, and the option before it -->
  <xsl:template match="qemu:arg" mode="gone">
    <xsl:variable name="next" select="following-sibling::*[1][self::qemu:arg]"/>
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:variable name="left">
          <xsl:call-template name="strip">
            <xsl:with-param name="rest" select="@value"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$left = ''">r</xsl:if>
      </xsl:when>
      <xsl:when test="$next and contains($targets, concat(' ', $next/@vl:id, ' ')) and
                      (@value = '-set' or @value = '--set' or @value = '-global' or @value = '--global' or
                       @value = '-device' or @value = '--device')">
        <xsl:variable name="left">
          <xsl:call-template name="strip">
            <xsl:with-param name="rest" select="$next/@value"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$left = ''">r</xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- containers the fix empties -->
  <xsl:template match="qemu:commandline|qemu:override|qemu:device|qemu:frontend" mode="gone">
    <xsl:variable name="children">
      <xsl:apply-templates select="*" mode="gone"/>
    </xsl:variable>
    <xsl:if test="* and string-length($children) = count(*)">r</xsl:if>
  </xsl:template>

  <xsl:template match="qemu:commandline|qemu:override|qemu:device|qemu:frontend|qemu:property">
    <xsl:variable name="gone">
      <xsl:apply-templates select="." mode="gone"/>
    </xsl:variable>
    <xsl:if test="$gone = ''">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="qemu:arg">
    <xsl:variable name="gone">
      <xsl:apply-templates select="." mode="gone"/>
    </xsl:variable>
    <xsl:if test="$gone = ''">
      <xsl:copy>
        <xsl:apply-templates select="@*"/>
        <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:attribute name="value">
            <xsl:call-template name="strip">
              <xsl:with-param name="rest" select="@value"/>
            </xsl:call-template>
          </xsl:attribute>
        </xsl:if>
        <xsl:apply-templates select="node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
