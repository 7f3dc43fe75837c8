<?xml version="1.0"?>
<!-- qemu-set-device-json: replace "-set device.ID.PROP=VALUE" pass-through
     arguments (which QEMU cannot apply to libvirt's JSON -device) by
     qemu:override properties on the device alias ID (libvirt 8.2 and later).
     - The targeted argument and the -set (or set) before it are removed;
       a qemu:commandline left without arguments or environment is removed.
     - Each property is typed as lint/model/qemu_args.c's
       vl_qemu_property_for_set() types it: a few string-valued properties keep
       their text; on/off/yes/no/true/false/y/n become bool true/false;
       decimal numbers become unsigned (or signed with a minus); 0x... hex
       and K/M/G/T sizes (binary, as QEMU reads them) become decimal
       unsigned numbers; anything else is a string.
     - The first qemu:override of the domain (the one libvirt reads) gets
       the properties: in the frontend of its device for the alias, or a new
       frontend, or a new device at its end.  Without an override, a new one
       goes where the last qemu:commandline with a targeted argument is, as
       libvirt writes it (after commandline and capabilities).
     Parameters: targets, the vl:id of each device.ID.PROP=VALUE argument. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl q">
  <xsl:param name="targets"/>

  <xsl:variable name="Q" select="'http://libvirt.org/schemas/domain/qemu/1.0'"/>
  <xsl:variable name="values" select="/domain/q:commandline/q:arg[contains($targets, concat(' ', @vl:id, ' '))]"/>
  <xsl:variable name="override" select="/domain/q:override[1]"/>
  <xsl:variable name="anchor" select="/domain/q:commandline[q:arg[contains($targets, concat(' ', @vl:id, ' '))]][last()]"/>
  <xsl:variable name="string-props"
                select="' romfile serial vendor product ver model drive netdev chardev bus addr driver host sysfsdev disable-legacy display enable-migration '"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- 'r' when the fix removes this argument: a targeted value, or the -set before one -->
  <xsl:template match="q:arg" mode="gone">
    <xsl:variable name="next" select="following-sibling::*[1][self::q:arg]"/>
    <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) or
                  ($next and contains($targets, concat(' ', $next/@vl:id, ' ')) and
                   (@value = '-set' or @value = '--set'))">r</xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="gone"/>

  <xsl:template match="/domain/q:commandline/q:arg">
    <xsl:variable name="gone">
      <xsl:apply-templates select="." mode="gone"/>
    </xsl:variable>
    <xsl:if test="$gone = ''">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/q:commandline">
    <xsl:variable name="gone">
      <xsl:apply-templates select="*" mode="gone"/>
    </xsl:variable>
    <xsl:if test="not(* and string-length($gone) = count(*))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
    <xsl:if test="count(. | $anchor) = 1 and not($override)">
      <xsl:variable name="p" select="substring-before(name(), 'commandline')"/>
      <xsl:element name="{$p}override" namespace="{$Q}">
        <xsl:call-template name="new-devices">
          <xsl:with-param name="p" select="$p"/>
        </xsl:call-template>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- The parts of a device.ID.PROP=VALUE argument -->
  <xsl:template name="id-of">
    <xsl:param name="arg"/>
    <xsl:value-of select="substring-before(substring-after($arg/@value, 'device.'), '.')"/>
  </xsl:template>

  <!-- A new device (with its frontend) for each alias the override EXISTING
       has no device for, in the order the arguments name them. -->
  <xsl:template name="new-devices">
    <xsl:param name="p"/>
    <xsl:param name="existing" select="/.."/>
    <xsl:for-each select="$values">
      <xsl:variable name="id">
        <xsl:call-template name="id-of">
          <xsl:with-param name="arg" select="."/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="not($existing[@alias = $id]) and
                    not(preceding::q:arg[count(. | $values) = count($values)]
                        [substring-before(substring-after(@value, 'device.'), '.') = $id])">
        <xsl:element name="{$p}device" namespace="{$Q}">
          <xsl:attribute name="alias">
            <xsl:value-of select="$id"/>
          </xsl:attribute>
          <xsl:element name="{$p}frontend" namespace="{$Q}">
            <xsl:call-template name="properties">
              <xsl:with-param name="p" select="$p"/>
              <xsl:with-param name="id" select="$id"/>
            </xsl:call-template>
          </xsl:element>
        </xsl:element>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The properties the arguments set on alias ID -->
  <xsl:template name="properties">
    <xsl:param name="p"/>
    <xsl:param name="id"/>
    <xsl:for-each select="$values[substring-before(substring-after(@value, 'device.'), '.') = $id]">
      <xsl:variable name="rest" select="substring-after(substring-after(@value, 'device.'), '.')"/>
      <xsl:element name="{$p}property" namespace="{$Q}">
        <xsl:attribute name="name">
          <xsl:value-of select="substring-before($rest, '=')"/>
        </xsl:attribute>
        <xsl:call-template name="typed">
          <xsl:with-param name="prop" select="substring-before($rest, '=')"/>
          <xsl:with-param name="v" select="substring-after($rest, '=')"/>
        </xsl:call-template>
      </xsl:element>
    </xsl:for-each>
  </xsl:template>

  <!-- type and value attributes for property PROP set to V by -set -->
  <xsl:template name="typed">
    <xsl:param name="prop"/>
    <xsl:param name="v"/>
    <xsl:variable name="digits" select="'0123456789'"/>
    <xsl:variable name="decimal" select="$v != '' and translate($v, $digits, '') = '' and
                                         (substring($v, 1, 1) != '0' or string-length($v) = 1)"/>
    <xsl:variable name="neg" select="substring($v, 2)"/>
    <xsl:variable name="negative" select="starts-with($v, '-') and $neg != '' and translate($neg, $digits, '') = '' and
                                          (substring($neg, 1, 1) != '0' or string-length($neg) = 1)"/>
    <xsl:variable name="hex" select="substring($v, 3)"/>
    <xsl:variable name="unit" select="substring($v, string-length($v))"/>
    <xsl:variable name="mantissa" select="substring($v, 1, string-length($v) - 1)"/>
    <xsl:choose>
      <xsl:when test="contains($string-props, concat(' ', $prop, ' '))">
        <xsl:attribute name="type">string</xsl:attribute>
        <xsl:attribute name="value"><xsl:value-of select="$v"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="$v = 'on' or $v = 'yes' or $v = 'true' or $v = 'y'">
        <xsl:attribute name="type">bool</xsl:attribute>
        <xsl:attribute name="value">true</xsl:attribute>
      </xsl:when>
      <xsl:when test="$v = 'off' or $v = 'no' or $v = 'false' or $v = 'n'">
        <xsl:attribute name="type">bool</xsl:attribute>
        <xsl:attribute name="value">false</xsl:attribute>
      </xsl:when>
      <xsl:when test="$decimal">
        <xsl:attribute name="type">unsigned</xsl:attribute>
        <xsl:attribute name="value"><xsl:value-of select="$v"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="$negative">
        <xsl:attribute name="type">signed</xsl:attribute>
        <xsl:attribute name="value"><xsl:value-of select="$v"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="(starts-with($v, '0x') or starts-with($v, '0X')) and $hex != '' and
                      string-length($hex) &lt;= 13 and translate($hex, '0123456789abcdefABCDEF', '') = ''">
        <xsl:attribute name="type">unsigned</xsl:attribute>
        <xsl:attribute name="value">
          <xsl:call-template name="hex">
            <xsl:with-param name="digits" select="translate($hex, 'ABCDEF', 'abcdef')"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="contains('kKmMgGtT', $unit) and $mantissa != '' and string-length($mantissa) &lt;= 9 and
                      translate($mantissa, $digits, '') = '' and
                      (substring($mantissa, 1, 1) != '0' or string-length($mantissa) = 1)">
        <xsl:variable name="scale">
          <xsl:choose>
            <xsl:when test="$unit = 'k' or $unit = 'K'">1024</xsl:when>
            <xsl:when test="$unit = 'm' or $unit = 'M'">1048576</xsl:when>
            <xsl:when test="$unit = 'g' or $unit = 'G'">1073741824</xsl:when>
            <xsl:otherwise>1099511627776</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:attribute name="type">unsigned</xsl:attribute>
        <xsl:attribute name="value"><xsl:value-of select="format-number($mantissa * $scale, '0')"/></xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="type">string</xsl:attribute>
        <xsl:attribute name="value"><xsl:value-of select="$v"/></xsl:attribute>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- lower-case hex DIGITS as a decimal number -->
  <xsl:template name="hex">
    <xsl:param name="digits"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="$digits = ''">
        <xsl:value-of select="format-number($acc, '0')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="hex">
          <xsl:with-param name="digits" select="substring($digits, 2)"/>
          <xsl:with-param name="acc"
                          select="$acc * 16 + string-length(substring-before('0123456789abcdef', substring($digits, 1, 1)))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The override libvirt reads: new devices at its end. -->
  <xsl:template match="/domain/q:override">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="count(. | $override) = 1">
        <xsl:call-template name="new-devices">
          <xsl:with-param name="p" select="substring-before(name(), 'override')"/>
          <xsl:with-param name="existing" select="q:device"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <!-- Its first device for an alias the arguments set: the properties go
       into its first frontend, or a new one. -->
  <xsl:template match="/domain/q:override/q:device">
    <xsl:variable name="alias" select="string(@alias)"/>
    <xsl:variable name="mine"
                  select="count(.. | $override) = 1 and not(preceding-sibling::q:device[@alias = $alias]) and
                          $values[substring-before(substring-after(@value, 'device.'), '.') = $alias]"/>
    <xsl:variable name="p" select="substring-before(name(), 'device')"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="$mine and self::q:frontend and not(preceding-sibling::q:frontend)">
            <xsl:copy>
              <xsl:apply-templates select="@*|node()"/>
              <xsl:call-template name="properties">
                <xsl:with-param name="p" select="$p"/>
                <xsl:with-param name="id" select="$alias"/>
              </xsl:call-template>
            </xsl:copy>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$mine and not(q:frontend)">
        <xsl:element name="{$p}frontend" namespace="{$Q}">
          <xsl:call-template name="properties">
            <xsl:with-param name="p" select="$p"/>
            <xsl:with-param name="id" select="$alias"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
