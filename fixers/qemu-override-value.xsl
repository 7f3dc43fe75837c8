<?xml version="1.0"?>
<!-- qemu-override-value: rewrite qemu:property values libvirt cannot parse
     into what they mean to QEMU, as lint/model/qemu_override.c's
     vl_override_value_fix() does:
     - bool: on/yes/y/1/true (any case) become true, off/no/n/0/false false;
     - unsigned and signed: 0x... hex (up to 13 digits) becomes decimal, a
       size with a K/M/G/T suffix (binary, up to 9 digits) becomes bytes;
     - remove: the value attribute is dropped.
     Parameters: targets, the vl:id of each qemu:property. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl q">
  <xsl:param name="targets"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="q:property/@value">
    <xsl:variable name="p" select=".."/>
    <xsl:variable name="v" select="string(.)"/>
    <xsl:variable name="word" select="translate($v, $upper, $lower)"/>
    <xsl:variable name="hex" select="substring($v, 3)"/>
    <xsl:variable name="unit" select="substring($v, string-length($v))"/>
    <xsl:variable name="mantissa" select="substring($v, 1, string-length($v) - 1)"/>
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', $p/@vl:id, ' ')))">
        <xsl:copy/>
      </xsl:when>
      <xsl:when test="$p/@type = 'remove'"/>
      <xsl:when test="$p/@type = 'bool' and ($word = 'on' or $word = 'yes' or $word = 'y' or $word = '1' or $word = 'true')">
        <xsl:attribute name="value">true</xsl:attribute>
      </xsl:when>
      <xsl:when test="$p/@type = 'bool' and ($word = 'off' or $word = 'no' or $word = 'n' or $word = '0' or $word = 'false')">
        <xsl:attribute name="value">false</xsl:attribute>
      </xsl:when>
      <xsl:when test="(starts-with($v, '0x') or starts-with($v, '0X')) and $hex != '' and
                      string-length($hex) &lt;= 13 and translate($hex, '0123456789abcdefABCDEF', '') = ''">
        <xsl:attribute name="value">
          <xsl:call-template name="hex">
            <xsl:with-param name="digits" select="translate($hex, 'ABCDEF', 'abcdef')"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="$unit != '' and contains('kKmMgGtT', $unit) and $mantissa != '' and
                      string-length($mantissa) &lt;= 9 and translate($mantissa, '0123456789', '') = '' and
                      (substring($mantissa, 1, 1) != '0' or string-length($mantissa) = 1)">
        <xsl:variable name="scale">
          <xsl:choose>
            <xsl:when test="$unit = 'k' or $unit = 'K'">1024</xsl:when>
            <xsl:when test="$unit = 'm' or $unit = 'M'">1048576</xsl:when>
            <xsl:when test="$unit = 'g' or $unit = 'G'">1073741824</xsl:when>
            <xsl:otherwise>1099511627776</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:attribute name="value">
          <xsl:value-of select="format-number($mantissa * $scale, '0')"/>
        </xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
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
</xsl:stylesheet>
